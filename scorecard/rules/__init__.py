"""Pure domain rules: periods, units, RAG ratings, direction of travel and summaries."""
