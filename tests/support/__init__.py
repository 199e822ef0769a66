"""What the tests share: fixtures and their facts, snapshots, strategies, and the tools around them."""
