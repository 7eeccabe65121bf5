"""Printouts of plain plan data: the plan report (JSON and text), the shopping
list (CSV and PDF) and the bake sheet (PDF). Reports read DTOs only."""
