"""Stand-ins for the services Loa talks to (Telegram, Zalo, Facebook, webhook receivers) and sample outgoing
messages, shared by `bench/` and `tests/`: they live here so a benchmark never imports the test suite."""
