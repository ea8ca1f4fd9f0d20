#!/usr/bin/env bash
# Installs the site's MDX compiler (@mdx-js/mdx 2, remark-gfm 3) into a cache
# folder once, then compiles every page under the given files or folders.
#   scripts/mdx-check.sh scaffold/render/testdata/golden content/apps
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${MDX_MODULES:-${XDG_CACHE_HOME:-$HOME/.cache}/partnerpages-mdx}
if [ ! -f "$dir/node_modules/@mdx-js/mdx/package.json" ] || [ ! -f "$dir/node_modules/remark-gfm/package.json" ]; then
  mkdir -p "$dir"
  (cd "$dir" && { [ -f package.json ] || echo '{"private":true}' > package.json; } &&
    npm install --no-audit --no-fund --loglevel=error @mdx-js/mdx@2 remark-gfm@3 >&2)
fi
MDX_MODULES="$dir" exec node "$here/mdx-check.mjs" "$@"
