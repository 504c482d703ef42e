"""Legal sources: references, document metadata, structure, citations."""
