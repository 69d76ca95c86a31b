export { removeForbiddenXmlCharacters, xmlAttribute, xmlText } from './xml.js';
