"""Printed page numbers of pages that show none (``extract.pages``)."""

from __future__ import annotations

from pipeline.extract.pages import page_offset, printed_numbers


def test_pages_without_a_number_take_the_one_the_others_agree_on() -> None:
    shown = {1: None, 2: "32", 3: "３３", 4: None, 5: "35"}
    assert printed_numbers(shown, [1, 2, 3, 4, 5]) == {
        1: "31", 2: "32", 3: "33", 4: "34", 5: "35"}


def test_no_number_is_made_up_without_two_pages_that_agree() -> None:
    assert printed_numbers({1: None, 2: "１２"}, [1, 2]) == {1: None, 2: "12"}
    disagree = {1: None, 2: "12", 3: "14"}              # a page left out between them
    assert printed_numbers(disagree, [1, 2, 3]) == {1: None, 2: "12", 3: "14"}
    words = {1: None, 2: "Ⅱ", 3: "Ⅲ"}                   # not read as numbers here
    assert printed_numbers(words, [1, 2, 3]) == words
    assert printed_numbers({1: None, 2: "2", 3: "3"}, [1, 2, 3])[1] == "1"
    assert printed_numbers({1: None, 2: "1", 3: "2"}, [1, 2, 3])[1] is None   # page 0


def test_the_offset_needs_two_pages() -> None:
    assert page_offset({2: 32, 5: 35}) == 30
    assert page_offset({2: 32}) is None
    assert page_offset({2: 32, 3: 34}) is None


def test_dashes_around_a_number_are_left_out() -> None:
    shown = {1: None, 2: "－ ２ －", 3: "- 3 -"}
    assert printed_numbers(shown, [1, 2, 3]) == {1: "1", 2: "2", 3: "3"}


def test_page_labels_stay_whole_and_fill_in_with_their_part() -> None:
    shown = {1: None, 2: "１－２", 3: "1－3", 5: "1－5", 4: None}
    assert printed_numbers(shown, [1, 2, 3, 4, 5]) == {
        1: "1－1", 2: "1－2", 3: "1－3", 4: "1－4", 5: "1－5"}
    # the part changes (a new chapter): no page is given one
    assert printed_numbers({1: None, 2: "1-28", 3: "2-1"}, [1, 2, 3]) == {
        1: None, 2: "1-28", 3: "2-1"}
    # a page that prints a number of another shape does not stop the others
    assert printed_numbers({1: "12", 2: "13", 3: "Ⅲ", 4: None}, [1, 2, 3, 4]) == {
        1: "12", 2: "13", 3: "Ⅲ", 4: "15"}
