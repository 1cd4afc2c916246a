"""Missing-confirmation alerts: finding a station's unconfirmed slots, telling people, mailing them."""
