#!/usr/bin/env bash
# Copies the official texts this tracker uses, byte for byte, from the data
# pack (../shared/data/texts/ beside the project) and records their SHA-256
# in MANIFEST.sha256. Never edit these files by hand: rerun this script.
# src/texts checks the manifest (and, where the data pack is present, the
# bytes against it) in its tests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_dir=${1:-$here/../../../shared/data/texts}
files=(constitution-2022-ru.md constitution-2026-ru.md law-2022-ru.md law-2022-points.tsv before-2022-ru.tsv constitution-2022-footnotes.tsv)
for file in "${files[@]}"; do
  cp "$source_dir/$file" "$here/$file"
  chmod 644 "$here/$file"
done
(cd "$here" && sha256sum "${files[@]}" > MANIFEST.sha256)
echo "copied ${#files[@]} files from $source_dir"
