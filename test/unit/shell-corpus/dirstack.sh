cd /tmp; pushd /usr; pushd /etc; dirs; dirs -v; popd; popd; popd; echo $?
pushd; echo $?
HOME=/tmp; cd /tmp; pushd /; dirs; pushd; dirs -c; dirs
pushd /nope
echo $?
