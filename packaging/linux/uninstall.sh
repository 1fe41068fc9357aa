#!/bin/sh
# Remove what install.sh put in place for the current user:
#
#   ~/.local/lib/crewbook/, the ~/.local/bin/crewbook link, and the app.crewbook.Crewbook
#   desktop entry, metadata and icons under $XDG_DATA_HOME (default ~/.local/share).
#
# Your Crewbook data folder (contractors, engagements, documents, backups) is kept: this
# script never opens it. Running it again when nothing is installed is harmless.
set -eu

APP_ID=app.crewbook.Crewbook

die() {
    printf 'uninstall.sh: %s\n' "$*" >&2
    exit 1
}

[ -n "${HOME:-}" ] || die "HOME is not set."

# Same rule as install.sh: a relative XDG_DATA_HOME is ignored.
data_home=${XDG_DATA_HOME:-}
case $data_home in
    /*) ;;
    *) data_home=$HOME/.local/share ;;
esac

lib_parent=$HOME/.local/lib
lib_dir=$lib_parent/crewbook
bin_link=$HOME/.local/bin/crewbook
apps_dir=$data_home/applications
hicolor=$data_home/icons/hicolor
# Where the app keeps its data (platformdirs' user_data_path("Crewbook") on Linux).
data_folder=$data_home/Crewbook

removed=0
remove_file() {
    if [ -f "$1" ] || [ -L "$1" ]; then
        rm -f -- "$1"
        printf '  removed %s\n' "$1"
        removed=$((removed + 1))
    fi
}

printf 'Removing Crewbook:\n'

# The command link, only if it points at our install.
if [ -L "$bin_link" ]; then
    if [ "$(readlink -- "$bin_link")" = "$lib_dir/crewbook" ]; then
        remove_file "$bin_link"
    else
        printf '  kept %s: it points somewhere else\n' "$bin_link"
    fi
fi

# The program folder, only if it looks like a Crewbook bundle.
if [ -d "$lib_dir" ] && [ ! -L "$lib_dir" ]; then
    if [ -f "$lib_dir/crewbook" ] && [ -d "$lib_dir/_internal" ]; then
        rm -rf -- "$lib_dir"
        printf '  removed %s\n' "$lib_dir"
        removed=$((removed + 1))
    else
        printf '  kept %s: it does not look like a Crewbook install\n' "$lib_dir"
    fi
fi
# Copies left behind by an install that was killed part-way.
for leftover in "$lib_parent"/.crewbook.new.* "$lib_parent"/.crewbook.old.*; do
    if [ -d "$leftover" ]; then
        rm -rf -- "$leftover"
    fi
done

remove_file "$apps_dir/$APP_ID.desktop"
remove_file "$data_home/metainfo/$APP_ID.metainfo.xml"

# Icons carry the app id in their file name, so each one found here is ours. A size folder
# left empty is removed too (rmdir refuses any folder that still holds something).
for icon in "$hicolor"/*/apps/"$APP_ID".png "$hicolor"/scalable/apps/"$APP_ID".svg; do
    if [ -f "$icon" ]; then
        remove_file "$icon"
        apps=${icon%/*}
        if rmdir -- "$apps" 2>/dev/null; then
            rmdir -- "${apps%/*}" 2>/dev/null || true
        fi
    fi
done

if [ "$removed" -eq 0 ]; then
    printf '  nothing to remove: Crewbook was not installed for this user\n'
fi

if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$apps_dir" ]; then
    update-desktop-database -q "$apps_dir" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$hicolor" ]; then
    gtk-update-icon-cache -q -t "$hicolor" || true
fi

printf '\nYour data was kept: %s\n' "$data_folder"
if [ -n "${CREWBOOK_DATA_DIR:-}" ]; then
    printf '(CREWBOOK_DATA_DIR is set, so Crewbook may have used %s instead; it was kept too.)\n' \
        "$CREWBOOK_DATA_DIR"
fi
printf 'Delete that folder yourself if you no longer need your contractors and engagements.\n'
