"""The simulator's domain: models, rules, state machines and storage (no UI)."""
