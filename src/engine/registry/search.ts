/**
 * GET /images/search over the offline Docker Hub: the catalogue's repositories with the
 * short descriptions their Docker Hub pages carry, and what learners pushed this session.
 * As Hub's search does, official images rank first, then by stars; 25 results unless a
 * limit is given.
 */
import { hubImages } from "../images/hub";
import type { RegistryApi } from "./api";

export interface SearchResult {
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
  is_automated: boolean;
}

/** Docker Hub's descriptions of the official images in the catalogue, and their stars (rounded, 2025). */
const LISTINGS: Record<string, { description: string; stars: number }> = {
  alpine: {
    description: "A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!",
    stars: 11000,
  },
  busybox: { description: "Busybox base image.", stars: 3300 },
  centos: { description: "DEPRECATED; The official build of CentOS.", stars: 7700 },
  debian: { description: "Debian is a Linux distribution that's composed entirely of free and open-source software.", stars: 5200 },
  "hello-world": { description: "Hello World! (an example of minimal Dockerization)", stars: 2400 },
  httpd: { description: "The Apache HTTP Server Project", stars: 4800 },
  mongo: { description: "MongoDB document databases provide high availability and easy scalability.", stars: 10500 },
  mysql: { description: "MySQL is a widely used, open-source relational database management system (RDBMS).", stars: 15800 },
  nginx: { description: "Official build of Nginx.", stars: 20800 },
  node: { description: "Node.js is a JavaScript-based platform for server-side and networking applications.", stars: 13900 },
  postgres: { description: "The PostgreSQL object-relational database system provides reliability and data integrity.", stars: 14300 },
  python: { description: "Python is an interpreted, interactive, object-oriented, open-source programming language.", stars: 10100 },
  redis: { description: "Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.", stars: 13100 },
  registry: { description: "Distribution implementation for storing and distributing of container images and artifacts", stars: 4300 },
  ubuntu: { description: "Ubuntu is a Debian-based Linux operating system based on free software.", stars: 17600 },
};

export function searchHub(term: string, hub: RegistryApi, limit = 25): SearchResult[] {
  const wanted = term.toLowerCase().replace(/^(docker\.io|index\.docker\.io)\//, "");
  const out = new Map<string, SearchResult>();
  const catalogue = hubImages().map((image) => image.repository);
  for (const repository of [...catalogue, ...hub.storage.repositories()]) {
    const name = repository.replace(/^library\//, "");
    if (out.has(name) || !name.includes(wanted)) continue;
    const listing = LISTINGS[name];
    out.set(name, {
      name,
      description: listing?.description ?? "",
      star_count: listing?.stars ?? 0,
      is_official: repository.startsWith("library/"),
      is_automated: false,
    });
  }
  return [...out.values()]
    .sort((a, b) => Number(b.is_official) - Number(a.is_official) || b.star_count - a.star_count || a.name.localeCompare(b.name))
    .slice(0, limit);
}
