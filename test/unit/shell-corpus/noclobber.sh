echo one > file.txt
set -C
echo two > file.txt
echo $?
echo three >| file.txt
cat file.txt
echo four >> file.txt
cat file.txt
set +C
echo five > file.txt
cat file.txt
