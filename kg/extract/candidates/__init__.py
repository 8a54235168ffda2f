"""Candidate names in a text, each found by one kind of evidence. Every finder returns
:class:`Candidate` spans with exact offsets; :mod:`kg.extract.entities` chooses among overlapping
ones.

- :mod:`.known`: names the lexicons know (《》 titles, gazetteer, bodies, persons);
- :mod:`.suffixes`: names that end in a class suffix, the left walk that finds where they start;
- :mod:`.context`: names found by their context (quotes, appositions, lists, 这一, venues).
"""

from kg.extract.candidates.base import ALIAS_DEFINITION, Candidate, alternation, is_proper_name
from kg.extract.candidates.context import (appositions, demonstrated_names, enumerations, kind_led_names, quoted_names,
                                           recognised_subjects, venues)
from kg.extract.candidates.known import (abbreviated_events, book_titles, branch_offices, departments, gazetteer, persons,
                                         persons_before_titles,
                                         place_bodies, relative_bodies)
from kg.extract.candidates.suffixes import SuffixFinder, suffix_at_end, suffix_finder

__all__ = ["ALIAS_DEFINITION", "Candidate", "SuffixFinder", "abbreviated_events", "alternation", "appositions", "book_titles",
           "branch_offices", "demonstrated_names", "departments", "enumerations", "gazetteer", "is_proper_name", "kind_led_names", "persons", "persons_before_titles",
           "place_bodies", "quoted_names", "recognised_subjects", "relative_bodies", "suffix_at_end",
           "suffix_finder", "venues"]
