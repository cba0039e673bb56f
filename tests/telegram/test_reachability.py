from bot.channels.telegram.reachability import Reachability


def test_the_latest_started_call_decides() -> None:
    state = Reachability()
    assert not state.reachable
    slow = state.begin()          # a long poll that will hang
    quick = state.begin()
    state.finish(quick, ok=True)
    assert state.reachable
    state.finish(slow, ok=False)  # times out late: older than what already succeeded
    assert state.reachable
    state.finish(state.begin(), ok=False)
    assert not state.reachable
