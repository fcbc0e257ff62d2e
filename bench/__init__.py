"""`make bench`: Dugnad's performance figures, each printed beside a baseline from the same run.

Not timed tests: the machines are shared and noisy, so each figure is shown as a ratio to a
baseline measured moments before on the same machine, with the issue's target beside it.
"""
