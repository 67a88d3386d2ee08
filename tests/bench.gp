# SPDX-License-Identifier: GPL-2.0
# The ratios of `make bench` against their goals, one column per figure.
#   gnuplot -c tests/bench.gp build/bench/bench.dat build/bench/bench.svg "TITLE"
set terminal svg size 1000,560 dynamic font "sans,11" background "white"
set output ARG2
set title ARG3
set logscale y 2
set grid ytics
set ylabel "ours / Linux's path (log scale)"
set xtics rotate by -40 left nomirror
set offsets 0.6, 0.6, 0, 0
set key top left
set bmargin 9
plot ARG1 using 1:3:4:5:xtic(2) with yerrorbars pt 7 ps 1 lc rgb "#1f77b4" \
	title "median, min-max over rounds", \
     '' using 1:6 with points pt 2 ps 1.6 lc rgb "#d62728" title "goal", \
     1 with lines dt 2 lc rgb "#777777" title "parity"
