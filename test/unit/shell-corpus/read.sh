read a b c <<< "one two three four"
echo "[$a] [$b] [$c]"
read -r line <<< 'back\slash'
echo "$line"
read line <<< 'back\slash'
echo "$line"
read <<< "  reply kept  "
echo "[$REPLY]"
IFS=: read x y <<< "1:2:3"
echo "$x|$y"
read -a arr <<< "p q r"
echo ${arr[1]} ${#arr[@]}
printf 'l1\nl2\nl3\n' | while read l; do echo "got $l"; done
read -n 3 part <<< "abcdef"; echo $part
read -d , field <<< "x,y"; echo $field
read v < /dev/null; echo "eof $?"
printf 'one\ntwo\n' > lines.txt
{ read first; read second; } < lines.txt; echo "$first+$second"
