#!/bin/bash
# usage: wakeups.sh LABEL CMD... : runs CMD in tmux 200x60, 10 s idle, sums voluntary+nonvoluntary ctxt switches of all threads
LABEL=$1; shift
S=c$LABEL$$
tmux new-session -d -s $S -x 200 -y 60 "$*"
sleep 4
PID=$(pgrep -P $(tmux display -p -t $S '#{pane_pid}') | head -1); [ -z "$PID" ] && PID=$(tmux display -p -t $S '#{pane_pid}')
sum() { cat /proc/$PID/task/*/status 2>/dev/null | awk '/voluntary_ctxt_switches/{s+=$2} END{print s}'; }
cpu() { awk '{print $14+$15}' /proc/$PID/stat; }
A=$(sum); CA=$(cpu); sleep 10; B=$(sum); CB=$(cpu)
echo "$LABEL pid $PID ($(cat /proc/$PID/comm)): $(( (B-A) )) context switches in 10 s = $(( (B-A)/10 ))/s; cpu ticks $((CB-CA))"
tmux kill-session -t $S
