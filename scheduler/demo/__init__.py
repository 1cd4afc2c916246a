"""The demo: one real province, invented people, and messages at every step of their life (`loa demo`).

`loading` puts it into a database through the real use-cases and dispatcher, `data` reads its texts
from the files in `texts/`, and `pictures` draws its illustrations.
"""

from scheduler.demo.loading import DEMO_PASSWORD, DemoSummary, holds_only_demo_data, load_demo

__all__ = ["DEMO_PASSWORD", "DemoSummary", "holds_only_demo_data", "load_demo"]
