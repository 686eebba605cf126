# mk/golden.mk - golden layout dumps (tests/golden/, checked by the unit
# test test_typeset_golden, part of make unit).
#
#   make regen    typesets the fixture layouts again and rewrites their
#                 dumps; review the change with git diff before committing

.PHONY: regen

regen: $(BUILD)/tests/test_typeset_golden
	VB_REGEN=1 ./$(BUILD)/tests/test_typeset_golden
	@git diff --stat -- tests/golden/ 2>/dev/null || true
