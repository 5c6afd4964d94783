"""Pages the ingest tests serve and read."""

from __future__ import annotations

ARTICLE = (
    "At least 58 people were killed in a suspected chemical attack on the town of Khan "
    "Shaykhun in Idlib province on Tuesday, the Syrian Observatory for Human Rights said. "
    "Medical workers described symptoms consistent with exposure to a nerve agent. "
) * 3


def page(title: str, body: str, *, site: str = "Example News", published: str = "2017-04-04T09:30:00Z",
         canonical: str | None = None) -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{published}">
<meta name="author" content="Jane Reporter">
{link}
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>{body}</p>
<p>The government denied any involvement and said the reports were fabricated.</p>
</article>
<footer>Copyright Example News</footer>
</body></html>""".encode("utf-8")
