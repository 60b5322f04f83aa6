"""What is kept between syncs: the per-org archive, its snapshot, and incremental syncs."""
