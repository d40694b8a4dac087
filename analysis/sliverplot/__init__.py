"""sliverplot: publication figures and Markdown summaries from sliversim results files.

Every function here reads results (``sliversim run``) or merged sweep tables (``sliversim
merge``) and never simulates. Modules: ``units`` (human-readable numbers), ``style`` (the paper
style, scheme colours, axis formatters, deterministic saving), ``inputs`` (loading and kind
detection), ``run_figures`` and ``sweep_figures`` (the figures), ``summary`` (summary.md).
"""
