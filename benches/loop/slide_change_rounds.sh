#!/bin/bash
# usage: slide_change_rounds.sh ROUNDS BIN... : slide_change_cpu.sh for each BIN in turn, ROUNDS times
# (interleaved, so a busier minute hits every program alike); BIN `presenterm` runs ~/.cargo/bin/presenterm
# on /tmp/slides.md (benches/loop/presenterm_slides.py). Prints each one's median busy CPU per change.
R=$1; shift
HERE=$(dirname "$0")
export K8S_COURSE_DATA_DIR=$(mktemp -d)
declare -A res
for r in $(seq "$R"); do
  for b in "$@"; do
    if [[ $b == presenterm ]]; then
      out=$(FROM=2 bash "$HERE/slide_change_cpu.sh" p 100 ~/.cargo/bin/presenterm /tmp/slides.md)
    else
      out=$(FROM=1 bash "$HERE/slide_change_cpu.sh" x 100 "$b")
    fi
    res[$b]="${res[$b]} $(echo "$out" | sed 's/.*= \([0-9]*\) us per change.*/\1/')"
  done
done
for b in "$@"; do
  sorted=$(echo ${res[$b]} | tr ' ' '\n' | sort -n | tr '\n' ' ')
  median=$(echo ${res[$b]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}')
  echo "$b: median $median us per change (runs: $sorted)"
done
