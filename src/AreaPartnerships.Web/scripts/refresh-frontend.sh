#!/bin/sh
# Copies the BUILT GOV.UK Frontend and MoJ Frontend assets from node_modules into wwwroot/lib,
# where they are committed so that `dotnet run` needs no npm step.
#
# Usage (from src/AreaPartnerships.Web):  npm ci && npm run refresh
#
# What it copies, per library: the minified CSS, the ES module JavaScript bundle, and only those
# asset files (images) that the CSS references with url(). No source maps, no Sass, no templates.
#
# Two changes are made to the prebuilt CSS, because it is built for GOV.UK services:
#   1. The GDS Transport typeface is for GOV.UK services only (see docs/STYLE.md "UI"), so its
#      @font-face rules are removed and every `font-family: GDS Transport, arial, sans-serif`
#      becomes `arial, sans-serif`. The font files are not shipped.
#   2. The CSS refers to its images as absolute `/assets/...` paths. They are rewritten to
#      relative `assets/...`, so they resolve beside the CSS file (lib/<library>/assets/...) and
#      the two libraries' assets cannot collide in one site-wide /assets folder.
# The script fails if either change did not take, or if any url() would not resolve.
set -eu

cd "$(dirname "$0")/.."

govuk_src=node_modules/govuk-frontend/dist/govuk
moj_src=node_modules/@ministryofjustice/frontend/moj
lib=wwwroot/lib

for dir in "$govuk_src" "$moj_src"; do
    if [ ! -d "$dir" ]; then
        echo "refresh-frontend: $dir is missing; run 'npm ci' first" >&2
        exit 1
    fi
done

version_of() {
    node -p "require('./node_modules/$1/package.json').version"
}

# copy_library <source dir> <css file> <js file> <destination dir> <package name>
copy_library() {
    src=$1
    css=$2
    js=$3
    dest=$4
    package=$5

    rm -rf "$dest"
    mkdir -p "$dest"

    # CSS: drop the source map comment and the GDS Transport font; make asset paths relative.
    sed \
        -e 's#/\*\# sourceMappingURL=[^*]*\*/##g' \
        -e 's#@font-face{font-family:GDS Transport;[^}]*}##g' \
        -e 's#font-family:GDS Transport,#font-family:#g' \
        -e 's#url(/assets/#url(assets/#g' \
        "$src/$css" > "$dest/$css"

    # JS: the ES module bundle, without its source map comment.
    sed -e 's#//\# sourceMappingURL=.*$##' "$src/$js" > "$dest/$js"

    if grep -q 'GDS Transport' "$dest/$css"; then
        echo "refresh-frontend: $dest/$css still mentions GDS Transport; update the sed rules" >&2
        exit 1
    fi
    if grep -q 'url(/' "$dest/$css"; then
        echo "refresh-frontend: $dest/$css still has absolute url() paths; update the sed rules" >&2
        exit 1
    fi

    # Copy exactly the assets the CSS refers to.
    grep -o 'url([^)]*)' "$dest/$css" |
        sed -e 's#^url(##' -e 's#)$##' -e 's#^["'\'']##' -e 's#["'\'']$##' |
        grep -v '^data:' |
        sort -u |
        while read -r asset; do
            if [ ! -f "$src/$asset" ]; then
                echo "refresh-frontend: $css refers to $asset, which $src does not have" >&2
                exit 1
            fi
            mkdir -p "$dest/$(dirname "$asset")"
            cp "$src/$asset" "$dest/$asset"
        done

    printf '%s %s (MIT licence), copied by scripts/refresh-frontend.sh. Do not edit these files by hand.\n' \
        "$package" "$(version_of "$package")" > "$dest/VERSION.txt"
    echo "refresh-frontend: $package $(version_of "$package") -> $dest"
}

copy_library "$govuk_src" govuk-frontend.min.css govuk-frontend.min.js "$lib/govuk-frontend" govuk-frontend
copy_library "$moj_src" moj-frontend.min.css moj-frontend.min.js "$lib/moj-frontend" @ministryofjustice/frontend
