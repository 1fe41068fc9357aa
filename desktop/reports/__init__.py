"""PDF reports built with ReportLab (no Qt)."""
