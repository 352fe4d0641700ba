"""The service loads an index generation with the cyclic collector off, and freezes what it made."""

import gc

from search.service import bulk_loading


def test_collector_off_while_loading_then_back_on_with_the_new_objects_frozen():
    gc.enable()
    frozen_before = gc.get_freeze_count()
    with bulk_loading():
        assert not gc.isenabled()
        made = [[index] for index in range(2000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + len(made)
    gc.unfreeze()


def test_a_collector_switched_off_by_the_caller_stays_off():
    gc.disable()
    try:
        with bulk_loading():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
