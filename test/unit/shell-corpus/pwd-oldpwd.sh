cd /tmp
echo $PWD
cd /
echo $PWD $OLDPWD
cd /tmp/../tmp/.
pwd
cd -
cd
echo $PWD
unset HOME
cd
echo $?
