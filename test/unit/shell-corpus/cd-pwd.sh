cd /
pwd
cd /tmp
pwd
cd -
cd - > /dev/null
pwd
cd /nonexistent_dir
echo $?
cd /etc/passwd
echo $?
cd a b
echo $?
OLDPWD= ; cd /; echo $PWD $OLDPWD
