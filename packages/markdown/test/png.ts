/**
 * A PNG of `width` × `height` pixels (each below 256), for the tests of image sizes: its signature, then
 * an IHDR chunk with the width and height, all that image-size reads.
 */
export const png = (width: number, height: number): Buffer =>
  Buffer.concat([
    Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    Buffer.from([0, 0, 0, width, 0, 0, 0, height]),
    Buffer.from('08060000009d74665e', 'hex'),
  ]);
