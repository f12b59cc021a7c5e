import { mysql } from "./client";
import { mysqld } from "./mysqld";

export const mysqlPrograms = { mysqld, mysql };
