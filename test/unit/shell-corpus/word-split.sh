x="a   b	c"
for w in $x; do echo "[$w]"; done
IFS=:
y="p:q::r"
for w in $y; do echo "<$w>"; done
IFS=", "
z="1, 2,3 ,  4"
for w in $z; do echo "{$w}"; done
unset IFS
e=""
set -- $e "" $e"" x$e
echo $#
