cd "$(mktemp -d)"
printf 'banana 3\napple 10\ncherry 7\napple 2\n' > fruit.txt
sort fruit.txt
sort -k2 -n fruit.txt
cut -d' ' -f1 fruit.txt | sort | uniq -c
cut -d' ' -f1 fruit.txt | sort -u | tr a-z A-Z
grep -n apple fruit.txt
grep -c an fruit.txt
grep -v apple fruit.txt | wc -l
sed 's/apple/pear/' fruit.txt
sed -n '2,3p' fruit.txt
awk '{ total += $2 } END { print "total", total }' fruit.txt
awk '$2 > 5 { printf "%-8s|%3d\n", $1, $2 }' fruit.txt
head -n 2 fruit.txt; tail -n 1 fruit.txt
wc fruit.txt
tr -d 'aeiou' < fruit.txt
