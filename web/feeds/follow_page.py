"""The list of every feed: as an OPML 2.0 file for a reader app, and as a page explaining feeds in plain Vietnamese."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from flask import Response, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext

from web.feeds.feed_list import all_feeds


def opml() -> ResponseReturnValue:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = gettext("Các nguồn tin của %(site)s", site=current_app.config["SITE_NAME"])
    body = ET.SubElement(root, "body")
    for group, feeds in groupby(all_feeds(), key=lambda f: f.group):
        folder = ET.SubElement(body, "outline", text=group, title=group)
        for feed in feeds:
            ET.SubElement(folder, "outline", type="rss", text=feed.title, title=feed.title, xmlUrl=feed.rss,
                          htmlUrl=feed.page, language="vi")
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    response = Response(data, mimetype="text/x-opml")
    response.headers["Content-Disposition"] = 'inline; filename="loa-feeds.opml"'
    response.add_etag()
    return response.make_conditional(request)


def follow() -> str:
    groups = [(group, list(feeds)) for group, feeds in groupby(all_feeds(), key=lambda f: f.group)]
    return render_template("feeds/follow.html", groups=groups)
