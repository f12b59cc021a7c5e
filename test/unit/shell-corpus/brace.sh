echo {1..5} {a..e} {5..1} {01..10} {1..10..3} {z..w}
echo a{b,c,d}e {x,y}{1,2}
echo pre-{one,two}-post {a,b{c,d}}
echo {a} {} {a,} x{,y}
echo "{a,b}" \{a,b\}
n=3; echo {1..$n}
