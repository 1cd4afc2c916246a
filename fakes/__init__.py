"""Stand-ins for the services Loa talks to (Telegram, Zalo, Facebook, webhook receivers) and sample outgoing
messages, shared by `tests/` and `bench/`; they live outside `tests/` so a benchmark never imports the test suite."""
