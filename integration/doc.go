// Package integration tests the ways partnerpages reaches a docs team
// outside Go: the release archives, the GitHub Action (action.yml, run as a
// runner runs it) and the pre-commit hooks (.pre-commit-hooks.yaml, run by
// the pre-commit tool). The tests skip unless CI gives them what they need:
// PARTNERPAGES_DIST (the release build's folder) and PARTNERPAGES_HOOKS=1
// with pre-commit on PATH.
package integration
