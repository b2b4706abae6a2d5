"""The extractor's words as data, one module per language.

``common`` holds what every language shares, ``en`` and ``zh`` the words of each language:
months, currencies, scale words, growth verbs, qualifiers with their operators, period words and
measure words. The extractor's patterns and gates are derived from these tables, not written by
hand beside them; CONTRIBUTING.md says which entry to edit to teach the extractor a wording.
"""
