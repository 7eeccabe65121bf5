"""Service layer: one transaction per public call, plain dataclasses out."""
