"""Scripts and items as sound: offline text-to-speech, encoding, and a cache keyed by what was said."""
