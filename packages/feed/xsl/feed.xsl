<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows an RSS 2.0 or Atom 1.0 feed opened in a browser as a readable page:
  what a feed is, how to follow it, and the list of posts. Feed readers
  ignore it. Served next to the feed and named in its
  <?xml-stylesheet type="text/xsl" href="…"?> instruction.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:variable name="title" select="rss/channel/title | atom:feed/atom:title"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>
          body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #111; background: #fdfdfd; }
          .about { background: #eef4fc; border-radius: 0.5rem; padding: 0.75rem 1rem; }
          li { margin: 0.5rem 0; }
          time { color: #595959; font-size: 0.875rem; margin-left: 0.5rem; }
          a { color: #1f5fb8; }
          @media (prefers-color-scheme: dark) { body { color: #e6e6e6; background: #181818; } .about { background: #1f2a38; } a { color: #8ab4f8; } time { color: #b0b0b0; } }
        </style>
      </head>
      <body>
        <main>
          <p class="about">This is a web feed. Copy its address into your feed reader to follow
            <strong><xsl:value-of select="$title"/></strong>.</p>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="rss/channel/description | atom:feed/atom:subtitle"/></p>
          <p><a href="{rss/channel/link | atom:feed/atom:link[@rel='alternate']/@href}">Visit the site</a></p>
          <h2>Latest posts</h2>
          <ul>
            <xsl:for-each select="rss/channel/item">
              <li><a href="{link}"><xsl:value-of select="title"/></a><time><xsl:value-of select="substring(pubDate, 6, 11)"/></time></li>
            </xsl:for-each>
            <xsl:for-each select="atom:feed/atom:entry">
              <li><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a><time><xsl:value-of select="substring(atom:published, 1, 10)"/></time></li>
            </xsl:for-each>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
