"""Radio scripts: what a commune loudspeaker station reads in each broadcast slot of a day.

- `building`: a station's daily script (and a week of them) from the deliveries due there.
- `formats`: a script as JSON and as plain text, each with a version that moves when its content does.
- `lines`: the presenter's opening and closing words, times and dates spelled out.
- `spoken_cache`: spoken texts kept between builds, so frequent polling stays cheap.
"""
