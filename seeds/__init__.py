"""Past reports (the seeds) and the phrase bank mined from them; installed as drafter.seeds."""
