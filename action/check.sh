#!/usr/bin/env bash
# Runs the drift check and lint with GitHub annotations; both run, and the
# step fails if either finds a problem.
#
# Environment: PARTNERPAGES_CHECK (true or false), PARTNERPAGES_LINT_PATHS
# (space-separated pages or folders; empty: the output folder).
set -uo pipefail
status=0
if [ "${PARTNERPAGES_CHECK:-true}" != false ]; then
  echo "partnerpages generate --check"
  partnerpages generate --check --format github || status=1
fi
read -r -a paths <<< "${PARTNERPAGES_LINT_PATHS:-}"
echo "partnerpages lint ${paths[*]:-}"
partnerpages lint --format github "${paths[@]}" || status=1
exit $status
