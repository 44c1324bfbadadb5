#!/bin/bash
# usage: [FROM=K] slide_change_cpu.sh LABEL N CMD... : CPU (ns, from /proc/PID/task/*/schedstat) per slide change
# at 200x60, alternating right/left N times 30 ms apart, minus the idle CPU of the same span. FROM=K first moves K
# slides right (not measured), so two programs can be timed on the same pair of slides.
LABEL=$1; N=$2; shift 2
S=s$LABEL$$
T="tmux -L $S"
$T new-session -d -s $S -x 200 -y 60 "$*"
sleep 5
PID=$($T display -p -t $S '#{pane_pid}')
for i in $(seq ${FROM:-0}); do $T send-keys -t $S Right; sleep 0.2; done
sleep 1
C=$(pgrep -P $PID | head -1); [ -n "$C" ] && PID=$C
cpu() { cat /proc/$PID/task/*/schedstat | awk '{s+=$1} END{printf "%d", s}'; }
span() { python3 -c "import time;print(time.time())"; }
A=$(cpu); T0=$(span)
for i in $(seq $N); do if [ $((i%2)) = 1 ]; then $T send-keys -t $S Right; else $T send-keys -t $S Left; fi; sleep 0.03; done
sleep 0.5
B=$(cpu); T1=$(span)
# idle for the same span
I0=$(cpu); python3 -c "import time;time.sleep($T1-$T0)"; I1=$(cpu)
echo "$LABEL: busy $(( (B-A)/1000 )) us = $(( (B-A)/N/1000 )) us per change; idle $(( (I1-I0)/1000 )) us over the same span; beyond idle $(( ((B-A)-(I1-I0))/N/1000 )) us per change"
$T kill-server
