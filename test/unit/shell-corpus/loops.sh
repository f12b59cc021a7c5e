for i in a b c; do echo "for $i"; done
for ((i=0; i<3; i++)); do echo "c-style $i"; done
n=0; while [ $n -lt 3 ]; do n=$((n+1)); echo "while $n"; done
n=0; until [ $n -ge 2 ]; do n=$((n+1)); echo "until $n"; done
for i in 1 2 3 4 5; do
  if [ $i -eq 2 ]; then continue; fi
  if [ $i -eq 4 ]; then break; fi
  echo "loop $i"
done
for i in 1 2; do for j in a b c; do [ $j = b ] && continue 2; echo "$i$j"; done; done
for i in 1 2; do for j in a b; do [ $j = b ] && break 2; echo "$i$j"; done; done
for x; do echo "no list $x"; done
set -- p q; for x; do echo "args $x"; done
for ((;;)); do echo once; break; done
