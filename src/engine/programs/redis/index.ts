import { redisCli } from "./cli";
import { redisServer } from "./server";

export const redisPrograms = { "redis-server": redisServer, "redis-cli": redisCli };
