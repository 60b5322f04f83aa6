"""One sync run: the engine, what it is asked and reports, and how its rows become a frame."""
