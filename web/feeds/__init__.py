"""Public feeds of what has been published, the list of them (OPML and a page), the sitemap and robots.txt."""

from __future__ import annotations

from flask import Blueprint

from web.feeds import crawler_files, follow_page, followed_feeds, site_feeds

bp = Blueprint("feeds", __name__)
bp.add_url_rule("/feed.rss", view_func=site_feeds.site_rss)
bp.add_url_rule("/feed.atom", view_func=site_feeds.site_atom)
bp.add_url_rule("/chien-dich/<slug>/feed.rss", "campaign_rss", followed_feeds.campaign_feed, defaults={"fmt": "rss"})
bp.add_url_rule("/chien-dich/<slug>/feed.atom", "campaign_atom", followed_feeds.campaign_feed, defaults={"fmt": "atom"})
bp.add_url_rule("/chu-de/<slug>/feed.rss", "topic_rss", followed_feeds.topic_feed, defaults={"fmt": "rss"})
bp.add_url_rule("/chu-de/<slug>/feed.atom", "topic_atom", followed_feeds.topic_feed, defaults={"fmt": "atom"})
bp.add_url_rule("/dia-ban/<code>/feed.rss", "area_rss", followed_feeds.area_feed, defaults={"fmt": "rss"})
bp.add_url_rule("/dia-ban/<code>/feed.atom", "area_atom", followed_feeds.area_feed, defaults={"fmt": "atom"})
bp.add_url_rule("/loai/<kind>/feed.rss", "kind_rss", followed_feeds.kind_feed, defaults={"fmt": "rss"})
bp.add_url_rule("/loai/<kind>/feed.atom", "kind_atom", followed_feeds.kind_feed, defaults={"fmt": "atom"})
bp.add_url_rule("/feeds.opml", view_func=follow_page.opml)
bp.add_url_rule("/theo-doi", view_func=follow_page.follow)
bp.add_url_rule("/sitemap.xml", view_func=crawler_files.sitemap)
bp.add_url_rule("/robots.txt", view_func=crawler_files.robots)
