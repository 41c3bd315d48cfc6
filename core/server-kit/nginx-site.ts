/** One office on the server: its WebDAV account and the folder other offices send to and it reads. */
export interface KitOffice {
  name: string;
  account: string;
  folder: string;
}

export interface NginxSiteOptions {
  /** The address the offices type in their settings, e.g. https://dv.snv.quangngai.gov.vn/danvan */
  url: URL;
  /** Where the offices' folders live on the server's disk (under it: the URL's path, then one folder per office). */
  root: string;
  htpasswdFile: string;
  certificateFile: string;
  keyFile: string;
  offices: KitOffice[];
  /** listen lines; by default the URL's port (443) on every address, IPv4 and IPv6. */
  listen?: string[];
  accessLog?: string;
  errorLog?: string;
  generatedOn: string;
}

/** "/danvan" → "/danvan/": the URL path the site answers under, always with one trailing slash. */
export function sitePrefix(url: URL): string {
  return `${url.pathname.replace(/\/+$/, '')}/`;
}

const quote = (s: string) => `"${s.replace(/["\\$]/g, (c) => `\\${c}`)}"`;
const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An nginx site (http context: the maps, then the server) where each office may only read and delete in
 * its own folder, and into another office's folder may only put a new file and rename it to a new .dvb
 * there (how the app sends: upload under a temporary name, then MOVE). Nothing of another office's folder
 * can be listed, read, overwritten, moved or deleted.
 *
 * The rules are maps, read in nginx's rewrite phase (before auth_basic checks the password): a request
 * the rules refuse gets 403 whatever its password; a request they allow still needs the right password
 * (401 otherwise). The check that a non-owner's target does not exist yet (`-e`) and the write are two
 * steps: two offices writing the same new name at the same instant could both pass; the app's names carry
 * the bundle id, so they never meet.
 */
export function nginxSite(o: NginxSiteOptions): string {
  const prefix = sitePrefix(o.url);
  const p = regexEscape(prefix);
  const name = '[A-Za-z0-9_][A-Za-z0-9_.-]*\\.dvb';
  const port = o.url.port || '443';
  const listen = o.listen ?? [`${port} ssl`, `[::]:${port} ssl`];
  const lines = (items: string[]) => items.map((l) => `    ${l}`).join('\n');
  return `# Dân vận — máy chủ WebDAV, tạo ngày ${o.generatedOn} bằng "npm run -s cli -- server config".
# ${o.offices.length} cơ quan, mỗi cơ quan một tài khoản và một thư mục ${o.url.origin}${prefix}<thư mục>/.
# Mỗi cơ quan chỉ đọc, xóa trong thư mục của mình; vào thư mục cơ quan khác chỉ được đặt tệp MỚI.
# Đặt tệp này trong /etc/nginx/conf.d/ (ngữ cảnh http). Chạy lại lệnh khi danh sách đơn vị thay đổi.

# tài khoản → thư mục của chính nó
map $remote_user $danvan_own_folder {
    default "";
${lines(o.offices.map((x) => `${quote(x.account)} ${quote(x.folder)};  # ${x.name.replace(/\s+/g, ' ')}`))}
}

# thư mục có trong bộ cài (không ai tạo được thư mục khác)
map $uri $danvan_folder {
    default "";
    "~^${p}(?<danvan_f>[A-Za-z0-9-]+)(/|$)" $danvan_f;
}
map $danvan_folder $danvan_known {
    default 0;
${lines(o.offices.map((x) => `${quote(x.folder)} 1;`))}
}

# cái được hỏi: gốc, thư mục một cơ quan, tệp gói .dvb, tệp tạm đang tải lên
map "$danvan_known $uri" $danvan_target {
    default other;
    "~^[01] ${p}?$" root;
    "~^1 ${p}[A-Za-z0-9-]+/?$" folder;
    "~^1 ${p}[A-Za-z0-9-]+/${name}$" bundle;
    "~^1 ${p}[A-Za-z0-9-]+/[A-Za-z0-9_.~-]+$" temp;
}

# ai hỏi: chủ thư mục, cơ quan khác, chưa xưng tên (auth_basic trả 401), tên không do bộ cài tạo
map "$remote_user:$danvan_own_folder:$danvan_folder" $danvan_role {
    default other;
    "~^:" anon;
    "~^[^:]+::" stranger;
    "~^[^:]+:([^:]+):\\1$" owner;
}

# MOVE chỉ đổi tên trong cùng thư mục, thành một tên gói .dvb (không mã %, không ra thư mục khác)
map "$danvan_folder $http_destination" $danvan_destination {
    default bad;
    "~^([A-Za-z0-9-]+) https?://[^/]+${p}\\1/${name}$" same-folder;
}
map $http_destination $danvan_destination_file {
    default "";
    "~^https?://[^/]+(?<danvan_d>${p}[A-Za-z0-9-]+/${name})$" "${o.root.replace(/["\\$]/g, '')}$danvan_d";
}

# 1 = từ chối (403); mọi thứ không ghi ở đây đều bị từ chối
map "$danvan_role $request_method $danvan_target depth=$http_depth destination=$danvan_destination" $danvan_refuse {
    default 1;
    "~^anon " 0;
    "~^(owner|other) OPTIONS " 0;
    "~^(owner|other) PROPFIND (root|folder|bundle) depth=0 " 0;
    "~^(owner|other) MKCOL (root|folder) " 0;
    "~^owner (GET|HEAD|PUT|DELETE) (bundle|temp) " 0;
    "~^owner PROPFIND (folder|bundle|temp) " 0;
    "~^owner MOVE (bundle|temp) .*destination=same-folder$" 0;
    "~^other PUT (bundle|temp) " 0;
    "~^other MOVE temp .*destination=same-folder$" 0;
}

# cơ quan khác không ghi đè: tệp đích phải chưa có
map "$danvan_role $request_method" $danvan_must_not_exist {
    default "";
    "other PUT" $request_filename;
    "other MOVE" $danvan_destination_file;
}

server {
${lines(listen.map((l) => `listen ${l};`))}
    server_name ${o.url.hostname};

    ssl_certificate ${o.certificateFile};
    ssl_certificate_key ${o.keyFile};
    ssl_protocols TLSv1.2 TLSv1.3;

    access_log ${o.accessLog ?? '/var/log/nginx/danvan-webdav.access.log'};
    error_log ${o.errorLog ?? '/var/log/nginx/danvan-webdav.error.log'};

    root ${o.root};
    client_max_body_size 110m;
    client_body_timeout 300s;
    send_timeout 300s;

    location ${prefix} {
        auth_basic "Dan van";
        auth_basic_user_file ${o.htpasswdFile};

        if ($danvan_refuse) { return 403; }
        if (-e $danvan_must_not_exist) { return 412; }

        dav_methods PUT DELETE MKCOL MOVE;
        dav_ext_methods PROPFIND OPTIONS;
        dav_access user:rw;
        create_full_put_path off;
        autoindex off;
    }

    location / {
        return 404;
    }
}
`;
}
