umask
umask 027
umask
umask -S
umask -p
umask u=rwx,g=,o=
umask
umask 999
echo $?
